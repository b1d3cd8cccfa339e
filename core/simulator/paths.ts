// The simulator's paths: which story a recipient's (or the notification's) timeline tells.

export const SIMULATION_PATHS = [
  'PEC_FIRST_TRY',
  'PEC_FAIL_SECOND_CYCLE',
  'DIGITAL_FAILURE_RS',
  'ANALOG_890_DELIVERED',
  'ANALOG_AR_DELIVERED',
  'GIACENZA_COLLECTED',
  'GIACENZA_EXPIRED',
  'UNREACHABLE',
  'DECEASED',
  'VIEWED_AT_RADD',
  'VIEWED_ONLINE_AFTER_TERM',
  'REFUSED',
  'CANCELLED',
  'IN_PROGRESS',
] as const;
export type SimulationPath = (typeof SIMULATION_PATHS)[number];

/** Paths that concern the whole notification: given alone, never in a per-recipient list. */
export const NOTIFICATION_LEVEL_PATHS: readonly SimulationPath[] = ['REFUSED', 'CANCELLED'];

/** Paths that go through a PEC domicile (DOMAIN.md 7.2). */
export const DIGITAL_PATHS: readonly SimulationPath[] = ['PEC_FIRST_TRY', 'PEC_FAIL_SECOND_CYCLE', 'DIGITAL_FAILURE_RS'];

/** The complete delivery stories a recipient can follow (used under CANCELLED / IN_PROGRESS). */
export const DELIVERY_PATHS: readonly SimulationPath[] = [
  'PEC_FIRST_TRY',
  'PEC_FAIL_SECOND_CYCLE',
  'DIGITAL_FAILURE_RS',
  'ANALOG_890_DELIVERED',
  'ANALOG_AR_DELIVERED',
  'GIACENZA_COLLECTED',
  'GIACENZA_EXPIRED',
  'UNREACHABLE',
  'DECEASED',
];

export function isSimulationPath(s: string): s is SimulationPath {
  return (SIMULATION_PATHS as readonly string[]).includes(s);
}

/** Whether a path needs the recipient to have a PEC domicile in the demo notification. */
export function needsDigitalDomicile(path: SimulationPath): boolean {
  return DIGITAL_PATHS.includes(path);
}
