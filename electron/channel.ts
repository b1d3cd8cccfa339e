/** The one IPC channel between the preload bridge and the host. */
export const CHANNEL = 'radd:call';
