/** Rows a list query returns when the filter names no `limit`. */
export const DEFAULT_LIST_LIMIT = 1000;

/** A list filter: optional fields that each narrow the list to one value, and a page size. */
export interface ListFilter {
  limit?: number;
}

/**
 * The `WHERE` conditions and named parameters of a list filter: each field of `columns`, when set
 * in the filter, must equal its column, and an unset field matches every row (`@field IS NULL OR
 * column = @field`, so the SQL text is the same whatever is set); `@limit` pages the list.
 */
export function listFilter<F extends ListFilter>(filter: F, columns: { readonly [K in keyof F & string]?: string }): { where: string; params: Record<string, unknown> } {
  const fields = Object.entries(columns) as [string, string][];
  const params: Record<string, unknown> = { limit: filter.limit ?? DEFAULT_LIST_LIMIT };
  for (const [field] of fields) params[field] = (filter as Record<string, unknown>)[field] ?? null;
  return { where: fields.map(([field, column]) => `(@${field} IS NULL OR ${column} = @${field})`).join(' AND '), params };
}
