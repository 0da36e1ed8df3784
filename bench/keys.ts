// The names of the bench's keys: seeded into the store, and shown by the plain-tree extension.

export function keyName(prefix: string, index: number): string {
  return `${prefix}object-${String(index).padStart(7, '0')}.txt`;
}
