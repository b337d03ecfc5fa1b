export function fastPathShapes(bytes: number): {
  strings: string;
  decimals: string;
  'flow mappings': string;
  'block mappings': string;
  'number keys': string;
};
export function exactPathShapes(bytes: number): {
  'aliases of a large mapping': string;
  'aliases of an empty mapping': string;
  numbers: string;
  'empty mappings': string;
};
