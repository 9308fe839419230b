/** The design system's button looks: solid for the one main action of a screen, outlined for the rest. */
export const PRIMARY_BUTTON =
  'inline-flex min-h-12 items-center justify-center rounded-8 bg-blue-900 px-6 text-std-16B-170 text-white underline-offset-4 hover:bg-blue-1000 hover:underline active:bg-blue-1200 disabled:bg-solid-gray-300 disabled:text-solid-gray-50';

export const SECONDARY_BUTTON =
  'inline-flex min-h-10 items-center justify-center rounded-8 border border-blue-900 bg-white px-4 text-std-16B-170 text-blue-900 underline-offset-4 hover:bg-blue-200 hover:underline disabled:border-solid-gray-300 disabled:text-solid-gray-420';
