import type { Catalog } from './types.js';

/** Demo timeline simulator (core/simulator). */
export const simulatorCatalog = {
  SIMULATION_PATH_INVALID: {
    it: 'Percorso di simulazione non valido: {path} ({reason})',
    en: 'Invalid simulation path: {path} ({reason})',
  },
} satisfies Catalog;
