import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [vue()],
  define: {
    __VUE_PROD_DEVTOOLS__: false,
    // PrimeVue's components are written with the Options API.
    __VUE_OPTIONS_API__: true,
    __INTLIFY_JIT_COMPILATION__: true,
    __INTLIFY_DROP_MESSAGE_COMPILER__: false,
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    strictPort: false,
    // `npm run dev`: the API goes to the browser-mode host (same origin rules apply there).
    // The host refuses foreign origins, so the proxy presents the request as the host's own.
    proxy: {
      '/api': {
        target: `http://127.0.0.1:${process.env.RADD_PORT ?? '4790'}`,
        changeOrigin: true,
        configure: (proxy) => proxy.on('proxyReq', (req) => req.removeHeader('origin')),
      },
    },
  },
});
