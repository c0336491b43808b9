/**
 * The `WHERE` conditions and named parameters of a list filter: each field of `columns`, when set
 * in the filter, must equal its column, and an unset field matches every row (`@field IS NULL OR
 * column = @field`, so the SQL text is the same whatever is set). Paging is the list's own
 * keyset (`ListCursor` of `@banjie/api-core`).
 */
export function listFilter<F extends object>(filter: F, columns: { readonly [K in keyof F & string]?: string }): { where: string; params: Record<string, unknown> } {
  const fields = Object.entries(columns) as [string, string][];
  const params: Record<string, unknown> = {};
  for (const [field] of fields) params[field] = (filter as Record<string, unknown>)[field] ?? null;
  return { where: fields.map(([field, column]) => `(@${field} IS NULL OR ${column} = @${field})`).join(' AND '), params };
}
