/** Problems of a refused write that name no field of the form, read out when they appear. */
export function Problems({ items }: { items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <div className="error" role="alert">
      {items.map((text) => (
        <p key={text}>{text}</p>
      ))}
    </div>
  );
}
