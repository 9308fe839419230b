import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  plugins: [tailwindcss()],
  resolve: { alias: { '@app/domain': here('../../libs/domain/src/index.ts') } },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    // Fonts and icons stay files: the CSP allows no data: fonts, and each one is cached by its hash.
    assetsInlineLimit: 0,
    // The polyfill would be an inline script, which the CSP refuses; every supported browser has modulepreload.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // libs/domain is pure (its lint fence says so): what the app does not use of it, holidays included, is left out.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]libs[\\/]domain[\\/]|@holiday-jp/.test(id) },
      // TanStack Query marks its modules "use client" for React Server Components; a plain SPA has none.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
