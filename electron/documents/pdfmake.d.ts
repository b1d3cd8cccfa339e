// Minimal typing of the pdfmake 0.3 server entry (the package ships no types). Only what the
// document renderers use; the document definition stays loosely typed on purpose (see layout.ts).
declare module 'pdfmake' {
  interface PdfmakeFontFamily {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  interface PdfmakeOutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfmakeVirtualFs {
    existsSync(name: string): boolean;
    writeFileSync(name: string, content: Buffer): void;
  }
  interface Pdfmake {
    virtualfs: PdfmakeVirtualFs;
    setFonts(fonts: Record<string, PdfmakeFontFamily>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(docDefinition: object, options?: object): PdfmakeOutputDocument;
  }
  const pdfmake: Pdfmake;
  export default pdfmake;
}
