// The giacenza register re-reads quietly when sync stored something (use-refresh-on-sync.ts).
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const pending: { op: string; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
vi.mock('../api/client.js', () => ({
  ApiCallError: class ApiCallError extends Error {},
  call: (op: string) => new Promise((resolve, reject) => pending.push({ op, resolve, reject })),
}));

const { usePostalGiacenzaStore } = await import('./postal-import.js');
const register = (n: number) => ({ entries: Array.from({ length: n }, (_, i) => ({ code: `C${i}` })) });

describe('giacenza register: quiet re-read', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    pending.length = 0;
  });

  it('reads again without the loading flag, and not before anything is shown', async () => {
    const s = usePostalGiacenzaStore();
    await s.refresh();
    expect(pending).toHaveLength(0);
    const load = s.load();
    pending.shift()!.resolve(register(2));
    await load;
    const again = s.refresh();
    expect(s.loading).toBe(false);
    expect(pending[0]!.op).toBe('postal.giacenzaRegister');
    pending.shift()!.resolve(register(3));
    await again;
    expect(s.register).toEqual(register(3));
  });

  it('a failed re-read keeps what is shown and shows no error; a load by the clerk meanwhile wins', async () => {
    const s = usePostalGiacenzaStore();
    const load = s.load();
    pending.shift()!.resolve(register(2));
    await load;
    const failed = s.refresh();
    pending.shift()!.reject(new Error('host busy'));
    await expect(failed).rejects.toThrow('host busy');
    expect(s.register).toEqual(register(2));
    expect(s.error).toBeNull();

    const quiet = s.refresh();
    const reload = s.load();
    const [q, l] = [pending.shift()!, pending.shift()!];
    q.resolve(register(9));
    await quiet;
    l.resolve(register(4));
    await reload;
    expect(s.register).toEqual(register(4));

    // The same, the clerk's load answered first.
    const quiet2 = s.refresh();
    const reload2 = s.load();
    const [q2, l2] = [pending.shift()!, pending.shift()!];
    l2.resolve(register(5));
    await reload2;
    q2.resolve(register(8));
    await quiet2;
    expect(s.register).toEqual(register(5));
  });
});
