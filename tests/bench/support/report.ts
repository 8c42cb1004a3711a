// How every benchmark prints its figures: one JSON line, then one readable line.

export function report(name: string, figures: Record<string, unknown>, readable: string): void {
  console.log(JSON.stringify({ bench: name, ...figures }));
  console.log(`${name}: ${readable}`);
}
