// Dates inside German rule messages (`14.03.2025`): the domain runs without date-fns locales, and a
// rejection reason from the server must read the same as the phone's.

export function germanDay(date: string | null | undefined): string {
  if (!date) return '?';
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}
