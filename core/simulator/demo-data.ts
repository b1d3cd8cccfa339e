// Data the demo generator draws from: Italian names, cities (cadastral code, CAP, province, ISTAT
// province number used in partite IVA), senders with their real 11-digit tax codes (all pass the
// DOMAIN.md 2.3 check), and the kinds of acts each sender notifies.

export const MALE_NAMES = ['Mario', 'Giuseppe', 'Luca', 'Marco', 'Andrea', 'Francesco', 'Alessandro', 'Giovanni', 'Antonio', 'Paolo', 'Stefano', 'Roberto', 'Davide', 'Matteo', 'Salvatore'] as const;
export const FEMALE_NAMES = ['Laura', 'Giulia', 'Francesca', 'Anna', 'Maria', 'Chiara', 'Sara', 'Elena', 'Valentina', 'Paola', 'Federica', 'Alessia', 'Rosa', 'Silvia', 'Martina'] as const;
export const SURNAMES = [
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
  'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti',
  'Barbieri', 'Fontana', 'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara', 'Galli', 'Martini', 'Leone',
] as const;
export const COMPANY_FORMS = ['S.r.l.', 'S.r.l.s.', 'S.n.c.', 'S.a.s.', 'S.p.A.'] as const;
export const COMPANY_ACTIVITIES = ['Costruzioni', 'Impianti Elettrici', 'Trasporti', 'Ristorazione', 'Ferramenta', 'Servizi Informatici', 'Autofficina', 'Edilizia'] as const;

export interface DemoCity {
  municipality: string;
  province: string;
  cadastralCode: string;
  /** ISTAT province number (3 digits), the office code in positions 8-10 of a partita IVA. */
  provinceNumber: string;
  streets: ReadonlyArray<readonly [street: string, zip: string]>;
}

export const CITIES: readonly DemoCity[] = [
  { municipality: 'Roma', province: 'RM', cadastralCode: 'H501', provinceNumber: '058', streets: [['Via Nazionale', '00184'], ['Via Merulana', '00185'], ['Via Cola di Rienzo', '00192'], ['Viale Marconi', '00146'], ['Via Tuscolana', '00181']] },
  { municipality: 'Milano', province: 'MI', cadastralCode: 'F205', provinceNumber: '015', streets: [['Via Padova', '20127'], ['Corso Buenos Aires', '20124'], ['Via Torino', '20123'], ['Viale Monza', '20125'], ['Via Lorenteggio', '20146']] },
  { municipality: 'Napoli', province: 'NA', cadastralCode: 'F839', provinceNumber: '063', streets: [['Via Toledo', '80134'], ['Corso Umberto I', '80138'], ['Via Foria', '80137'], ['Via Posillipo', '80123']] },
  { municipality: 'Torino', province: 'TO', cadastralCode: 'L219', provinceNumber: '001', streets: [['Via Garibaldi', '10122'], ['Corso Francia', '10138'], ['Via Nizza', '10126'], ['Corso Vittorio Emanuele II', '10121']] },
  { municipality: 'Firenze', province: 'FI', cadastralCode: 'D612', provinceNumber: '048', streets: [['Via Ghibellina', '50122'], ['Via dei Serragli', '50124'], ['Viale dei Mille', '50131']] },
  { municipality: 'Bologna', province: 'BO', cadastralCode: 'A944', provinceNumber: '037', streets: [['Via dell\'Indipendenza', '40121'], ['Via Saragozza', '40123'], ['Via Massarenti', '40138']] },
  { municipality: 'Palermo', province: 'PA', cadastralCode: 'G273', provinceNumber: '082', streets: [['Via Maqueda', '90133'], ['Via Libertà', '90143'], ['Corso Calatafimi', '90129']] },
  { municipality: 'Bari', province: 'BA', cadastralCode: 'A662', provinceNumber: '072', streets: [['Via Sparano da Bari', '70121'], ['Corso Cavour', '70122'], ['Viale Japigia', '70126']] },
  { municipality: 'Genova', province: 'GE', cadastralCode: 'D969', provinceNumber: '010', streets: [['Via XX Settembre', '16121'], ['Corso Sardegna', '16142'], ['Via Cantore', '16149']] },
  { municipality: 'Venezia', province: 'VE', cadastralCode: 'L736', provinceNumber: '027', streets: [['Via Piave', '30171'], ['Corso del Popolo', '30172']] },
  { municipality: 'Verona', province: 'VR', cadastralCode: 'L781', provinceNumber: '023', streets: [['Via Mazzini', '37121'], ['Corso Porta Nuova', '37122']] },
  { municipality: 'Padova', province: 'PD', cadastralCode: 'G224', provinceNumber: '028', streets: [['Via Roma', '35122'], ['Corso Milano', '35139']] },
  { municipality: 'Trieste', province: 'TS', cadastralCode: 'L424', provinceNumber: '032', streets: [['Via Carducci', '34125'], ['Viale XX Settembre', '34126']] },
  { municipality: 'Cagliari', province: 'CA', cadastralCode: 'B354', provinceNumber: '092', streets: [['Via Roma', '09124'], ['Via Dante', '09128']] },
  { municipality: 'Perugia', province: 'PG', cadastralCode: 'G478', provinceNumber: '054', streets: [['Corso Vannucci', '06121'], ['Via XIV Settembre', '06122']] },
  { municipality: 'Catania', province: 'CT', cadastralCode: 'C351', provinceNumber: '087', streets: [['Via Etnea', '95124'], ['Corso Italia', '95129']] },
];

export type SenderKind = 'COMUNE' | 'AGENZIA_ENTRATE' | 'RISCOSSIONE' | 'INPS';

export interface DemoSender {
  denomination: string;
  taxId: string;
  kind: SenderKind;
  /** Protocol prefix used in paProtocolNumber. */
  protocol: string;
}

/** The office the demo sender operators work for (Comune di Milano): the demo world deposits half its notifications for it. */
export const DEMO_HOME_SENDER_TAX_ID = '01199250158';

export const SENDERS: readonly DemoSender[] = [
  { denomination: 'Comune di Milano', taxId: '01199250158', kind: 'COMUNE', protocol: 'PG' },
  { denomination: 'Roma Capitale', taxId: '02438750586', kind: 'COMUNE', protocol: 'QA' },
  { denomination: 'Comune di Napoli', taxId: '80014890638', kind: 'COMUNE', protocol: 'PG' },
  { denomination: 'Comune di Torino', taxId: '00514490010', kind: 'COMUNE', protocol: 'PG' },
  { denomination: 'Comune di Firenze', taxId: '01307110484', kind: 'COMUNE', protocol: 'GEN' },
  { denomination: 'Comune di Bologna', taxId: '01232710374', kind: 'COMUNE', protocol: 'PG' },
  { denomination: 'Comune di Palermo', taxId: '80016350821', kind: 'COMUNE', protocol: 'AREG' },
  { denomination: 'Comune di Verona', taxId: '00215150236', kind: 'COMUNE', protocol: 'PG' },
  { denomination: 'Agenzia delle Entrate', taxId: '06363391001', kind: 'AGENZIA_ENTRATE', protocol: 'AE' },
  { denomination: 'Agenzia delle Entrate-Riscossione', taxId: '13756881002', kind: 'RISCOSSIONE', protocol: 'ADER' },
  { denomination: 'INPS - Istituto Nazionale della Previdenza Sociale', taxId: '80078750587', kind: 'INPS', protocol: 'INPS' },
];

export interface DemoActKind {
  /** `{n}` = a number, `{y}` = the act's reference year. */
  subject: string;
  documentTitle: string;
  abstract: string;
  /** Years before the deposit year that the act refers to. */
  yearsBack: number;
  /** Amount due in euro cents [min, max]; null = no payment notice. */
  amountCents: readonly [number, number] | null;
}

export const ACT_KINDS: Readonly<Record<SenderKind, readonly DemoActKind[]>> = {
  COMUNE: [
    { subject: 'Verbale di contravvenzione al codice della strada n. {n}/{y}', documentTitle: 'Verbale di accertamento', abstract: 'Violazione dell\'art. 7 del Codice della Strada (accesso ZTL)', yearsBack: 0, amountCents: [5710, 17300] },
    { subject: 'Verbale di contravvenzione al codice della strada n. {n}/{y}', documentTitle: 'Verbale di accertamento', abstract: 'Violazione dell\'art. 142 del Codice della Strada (eccesso di velocità)', yearsBack: 0, amountCents: [4200, 87300] },
    { subject: 'Avviso di accertamento TARI anno {y}', documentTitle: 'Avviso di accertamento', abstract: 'Omesso versamento della tassa sui rifiuti', yearsBack: 2, amountCents: [15000, 90000] },
    { subject: 'Avviso di accertamento IMU anno {y}', documentTitle: 'Avviso di accertamento', abstract: 'Omesso o parziale versamento dell\'imposta municipale propria', yearsBack: 3, amountCents: [30000, 250000] },
    { subject: 'Ordinanza di ingiunzione n. {n}/{y}', documentTitle: 'Ordinanza', abstract: 'Ingiunzione di pagamento per sanzione amministrativa', yearsBack: 0, amountCents: [30000, 300000] },
    { subject: 'Ordinanza sindacale n. {n}/{y}', documentTitle: 'Ordinanza', abstract: 'Ordinanza di rimozione rifiuti da area privata', yearsBack: 0, amountCents: null },
  ],
  AGENZIA_ENTRATE: [
    { subject: 'Avviso di accertamento IRPEF anno d\'imposta {y}', documentTitle: 'Avviso di accertamento', abstract: 'Rettifica della dichiarazione dei redditi', yearsBack: 4, amountCents: [80000, 900000] },
    { subject: 'Comunicazione di irregolarità n. {n} anno d\'imposta {y}', documentTitle: 'Comunicazione di irregolarità', abstract: 'Controllo automatizzato della dichiarazione (art. 36-bis DPR 600/1973)', yearsBack: 2, amountCents: [10000, 200000] },
  ],
  RISCOSSIONE: [
    { subject: 'Cartella di pagamento n. {n}', documentTitle: 'Cartella di pagamento', abstract: 'Ruolo emesso per somme dovute a enti creditori', yearsBack: 0, amountCents: [20000, 1500000] },
    { subject: 'Intimazione di pagamento n. {n}', documentTitle: 'Intimazione di pagamento', abstract: 'Intimazione ad adempiere entro cinque giorni', yearsBack: 0, amountCents: [20000, 800000] },
  ],
  INPS: [
    { subject: 'Avviso di addebito n. {n}', documentTitle: 'Avviso di addebito', abstract: 'Contributi previdenziali non versati', yearsBack: 1, amountCents: [50000, 600000] },
    { subject: 'Provvedimento di recupero indebito n. {n}/{y}', documentTitle: 'Provvedimento', abstract: 'Recupero di prestazione erogata e non dovuta', yearsBack: 1, amountCents: [20000, 400000] },
  ],
};

export const REFUSAL_REASONS: ReadonlyArray<{ errorCode: string; detail: string }> = [
  { errorCode: 'FILE_SHA_ERROR', detail: 'sha256 of document 0 does not match' },
  { errorCode: 'FILE_NOTFOUND', detail: 'document 0 not found in safe storage' },
  { errorCode: 'NOT_VALID_ADDRESS', detail: 'physical address of recipient 0 is not valid' },
  { errorCode: 'TAXID_NOT_VALID', detail: 'taxId of recipient 0 is not valid' },
];
