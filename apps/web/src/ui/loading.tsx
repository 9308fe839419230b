export function Loading({ label }: { label: string }) {
  return (
    <p role="status" className="p-6 text-std-16N-170 text-solid-gray-700">
      {label}…
    </p>
  );
}
