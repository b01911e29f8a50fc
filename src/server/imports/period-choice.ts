/**
 * Which period an import's values go to when the caller names none: the year (DHIS2 code `2024`)
 * of the latest verification or survey date in the file. A file gathered over a year describes
 * that year; an older triggering date in the same file does not move it back. Pure.
 */
export function latestYear(isoDates: readonly string[]): string | null {
  let latest: string | null = null;
  for (const date of isoDates) if (latest === null || date > latest) latest = date;
  return latest ? latest.slice(0, 4) : null;
}
