/** How deep a record may nest: a programme record needs 7 levels; 64 leaves room and bounds recursion. */
export const MAX_DEPTH = 64;
