// An uploaded spreadsheet as rows of cells (issue 26): CSV with `;`, `,` or tab, in UTF-8 (with or
// without BOM) or Windows-1252 (papaparse), or XLSX (exceljs): every sheet, formulas as their
// result, merged cells carrying their text over the cells they span, date cells as ISO days.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Cell } from '../../shared/import/values';

export interface Sheet {
  name: string;
  rows: Cell[][];
}

/** Largest file the import reads (bytes): 5,000 rows of a wide sheet fit many times. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export class UnreadableFile extends Error {}

export async function readSheets(bytes: Uint8Array, fileName: string): Promise<Sheet[]> {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK": an XLSX is a ZIP
  if (zip || /\.xlsx$/i.test(fileName)) return readXlsx(bytes);
  if (/\.xls$/i.test(fileName))
    throw new UnreadableFile(
      'Bitte die Datei als .xlsx oder .csv speichern (.xls wird nicht gelesen).',
    );
  return [{ name: fileName.replace(/\.[^.]*$/, '') || 'CSV', rows: readCsv(decodeText(bytes)) }];
}

/** UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, else Windows-1252 (Excel's "CSV"). */
export function decodeText(bytes: Uint8Array): string {
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}

export function readCsv(text: string): Cell[][] {
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [';', ',', '\t'],
    skipEmptyLines: false,
  });
  const rows = parsed.data.map((row) => row.map((cell) => (cell.trim() === '' ? null : cell)));
  // A final line break makes one empty row.
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell === null)) rows.pop();
  return rows;
}

async function readXlsx(bytes: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never,
    );
  } catch {
    throw new UnreadableFile('Die Datei ist keine lesbare Excel-Datei (.xlsx).');
  }
  const sheets: Sheet[] = [];
  workbook.eachSheet((worksheet) => {
    const rows: Cell[][] = [];
    worksheet.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        // A merged cell's value is its master's (exceljs): the group heading spans its columns.
        cells[column - 1] = cellValue(cell.value);
      });
      rows[number - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    for (const row of rows) for (let c = 0; c < row.length; c++) row[c] ??= null;
    sheets.push({ name: worksheet.name, rows });
  });
  return sheets;
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('result' in value)
      return cellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return null;
  }
  return String(value);
}
