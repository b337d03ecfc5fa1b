export interface RecordOptions {
  seed?: number;
  projects?: number;
  intrapreneurs?: number;
  weeks?: number;
  expenses?: number;
  breaches?: number;
}
export function random(seed: number): () => number;
export function generateRecord(options?: RecordOptions): string;
export function optionsForSize(bytes: number, seed?: number): RecordOptions;
