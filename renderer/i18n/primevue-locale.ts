// PrimeVue's own texts (aria labels of the dialog's close button, the paginator's page buttons,
// the date picker's month names...) in the app's language. The English set is PrimeVue's default
// (`defaultOptions.locale` of primevue/config, dates as en-GB); the Italian one translates every key of PrimeVue 4.5.
import { defaultOptions } from 'primevue/config';
import type { AppLocale } from './messages.js';

type PrimeLocale = NonNullable<typeof defaultOptions.locale>;

const it: PrimeLocale = {
  startsWith: 'Inizia con', contains: 'Contiene', notContains: 'Non contiene', endsWith: 'Finisce con',
  equals: 'Uguale a', notEquals: 'Diverso da', noFilter: 'Nessun filtro',
  lt: 'Minore di', lte: 'Minore o uguale a', gt: 'Maggiore di', gte: 'Maggiore o uguale a',
  dateIs: 'La data è', dateIsNot: 'La data non è', dateBefore: 'La data è precedente a', dateAfter: 'La data è successiva a',
  clear: 'Cancella', apply: 'Applica', matchAll: 'Tutte le condizioni', matchAny: 'Almeno una condizione',
  addRule: 'Aggiungi regola', removeRule: 'Rimuovi regola', accept: 'Sì', reject: 'No', choose: 'Scegli',
  upload: 'Carica', cancel: 'Annulla', completed: 'Completato', pending: 'In attesa',
  fileSizeTypes: ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'],
  dayNames: ['domenica', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato'],
  dayNamesShort: ['dom', 'lun', 'mar', 'mer', 'gio', 'ven', 'sab'],
  dayNamesMin: ['Do', 'Lu', 'Ma', 'Me', 'Gi', 'Ve', 'Sa'],
  monthNames: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  monthNamesShort: ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
  chooseYear: "Scegli l'anno", chooseMonth: 'Scegli il mese', chooseDate: 'Scegli la data',
  prevDecade: 'Decennio precedente', nextDecade: 'Decennio successivo', prevYear: 'Anno precedente', nextYear: 'Anno successivo',
  prevMonth: 'Mese precedente', nextMonth: 'Mese successivo', prevHour: 'Ora precedente', nextHour: 'Ora successiva',
  prevMinute: 'Minuto precedente', nextMinute: 'Minuto successivo', prevSecond: 'Secondo precedente', nextSecond: 'Secondo successivo',
  am: 'am', pm: 'pm', today: 'Oggi', weekHeader: 'Sett', firstDayOfWeek: 1, showMonthAfterYear: false, dateFormat: 'dd/mm/yy',
  weak: 'Debole', medium: 'Media', strong: 'Forte', passwordPrompt: 'Inserire una password',
  emptyFilterMessage: 'Nessun risultato', searchMessage: '{0} risultati disponibili', selectionMessage: '{0} elementi selezionati',
  emptySelectionMessage: 'Nessun elemento selezionato', emptySearchMessage: 'Nessun risultato',
  fileChosenMessage: '{0} file', noFileChosenMessage: 'Nessun file scelto', emptyMessage: 'Nessuna opzione disponibile',
  aria: {
    trueLabel: 'Vero', falseLabel: 'Falso', nullLabel: 'Non selezionato', star: '1 stella', stars: '{star} stelle',
    selectAll: 'Tutti gli elementi selezionati', unselectAll: 'Nessun elemento selezionato', close: 'Chiudi',
    previous: 'Precedente', next: 'Successivo', navigation: 'Navigazione', scrollTop: "Torna all'inizio",
    moveTop: "Sposta all'inizio", moveUp: 'Sposta su', moveDown: 'Sposta giù', moveBottom: 'Sposta alla fine',
    moveToTarget: 'Sposta nella destinazione', moveToSource: "Sposta nell'origine",
    moveAllToTarget: 'Sposta tutto nella destinazione', moveAllToSource: "Sposta tutto nell'origine",
    pageLabel: 'Pagina {page}', firstPageLabel: 'Prima pagina', lastPageLabel: 'Ultima pagina',
    nextPageLabel: 'Pagina successiva', prevPageLabel: 'Pagina precedente', rowsPerPageLabel: 'Righe per pagina',
    jumpToPageDropdownLabel: 'Vai alla pagina (elenco)', jumpToPageInputLabel: 'Vai alla pagina (numero)',
    selectRow: 'Riga selezionata', unselectRow: 'Riga deselezionata', expandRow: 'Riga espansa', collapseRow: 'Riga compressa',
    showFilterMenu: 'Mostra il menu dei filtri', hideFilterMenu: 'Nascondi il menu dei filtri',
    filterOperator: 'Operatore del filtro', filterConstraint: 'Condizione del filtro',
    editRow: 'Modifica riga', saveEdit: 'Salva modifica', cancelEdit: 'Annulla modifica',
    listView: 'Vista a elenco', gridView: 'Vista a griglia', slide: 'Diapositiva', slideNumber: '{slideNumber}',
    zoomImage: "Ingrandisci l'immagine", zoomIn: 'Ingrandisci', zoomOut: 'Riduci',
    rotateRight: 'Ruota a destra', rotateLeft: 'Ruota a sinistra', listLabel: 'Elenco delle opzioni',
  },
};

// The app's English dates are British (use-format.ts: en-GB): day first, weeks from Monday.
const en: PrimeLocale = { ...structuredClone(defaultOptions.locale as PrimeLocale), dateFormat: 'dd/mm/yy', firstDayOfWeek: 1 };

export function primeVueLocale(locale: AppLocale): PrimeLocale {
  return structuredClone(locale === 'it' ? it : en);
}
