// The menu is data: each screen area contributes its entries in `views/<area>/routes.ts`
// (filtered by role once operators exist, #11).
import type { Role } from '../../electron/api/contract/index.js';

export interface MenuItem {
  to: string;
  label: string;
  icon: string;
  /** Position in the menu, smaller first. */
  order: number;
  roles?: readonly Role[];
}

const areas = import.meta.glob<{ menu?: MenuItem[] }>('../views/*/routes.ts', { eager: true });

export const menuItems: MenuItem[] = Object.values(areas)
  .flatMap((m) => m.menu ?? [])
  .sort((a, b) => a.order - b.order);
