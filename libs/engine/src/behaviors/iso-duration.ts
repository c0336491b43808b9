const DURATION = /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** An ISO-8601 duration split into calendar and clock parts. */
export interface IsoDuration {
  years: number;
  months: number;
  days: number;
  milliseconds: number;
}

/** Parses an ISO-8601 duration (`P3D`, `PT1H30M`, `P1Y2M`), or undefined. */
export function parseIsoDuration(text: string): IsoDuration | undefined {
  const match = DURATION.exec(text.trim());
  if (!match || text.trim() === 'P' || text.trim().endsWith('T')) return undefined;
  const n = (i: number) => Number(match[i] ?? 0);
  const sign = match[1] ? -1 : 1;
  return {
    years: sign * n(2),
    months: sign * n(3),
    days: sign * (n(4) * 7 + n(5)),
    milliseconds: sign * Math.round((n(6) * 3600 + n(7) * 60 + n(8)) * 1000),
  };
}

/** An instant plus a duration, as an ISO string in UTC; undefined when out of the range of dates. */
export function addIsoDuration(instant: string, duration: IsoDuration): string | undefined {
  const date = new Date(instant);
  date.setUTCFullYear(date.getUTCFullYear() + duration.years, date.getUTCMonth() + duration.months, date.getUTCDate() + duration.days);
  const due = new Date(date.getTime() + duration.milliseconds);
  return Number.isNaN(due.getTime()) ? undefined : due.toISOString();
}
