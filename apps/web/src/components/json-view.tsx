/** Pretty-printed JSON (audit before/after); long values wrap instead of widening the table. */
export function JsonView({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <div className="cc-muted">—</div>;
  return <pre className="cc-json">{JSON.stringify(value, null, 2)}</pre>;
}
