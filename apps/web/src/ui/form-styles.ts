/** The design system's input look, with the error border when the API found fault with the field. */
export const inputClass = (invalid = false) =>
  `mt-1 block min-h-12 rounded-8 border bg-white px-4 text-std-16N-170 text-solid-gray-900 ${invalid ? 'border-2 border-error-1' : 'border-solid-gray-600'}`;

export const LABEL = 'block text-std-16B-170 text-solid-gray-900';

/** A full-width field for longer text (件名, 本文, comments and reasons). */
export const textFieldClass = (invalid = false) =>
  `mt-1 w-full rounded-8 border px-3 py-2 text-std-16N-170 ${invalid ? 'border-2 border-error-1' : 'border-solid-gray-600'}`;
