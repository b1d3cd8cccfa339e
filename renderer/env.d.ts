/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

interface Window {
  /** Present only inside the Electron window (preload bridge). */
  raddDesk?: { call(op: string, input: unknown, options?: { locale?: 'it' | 'en' }): Promise<unknown> };
}
