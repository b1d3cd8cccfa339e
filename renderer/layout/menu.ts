// The menu is data (filtered by role once operators exist, #11).
export interface MenuItem {
  to: string;
  label: string;
  icon: string;
}

export const menuItems: MenuItem[] = [
  { to: '/lookup', label: 'menu.lookup', icon: 'pi pi-search' },
];
