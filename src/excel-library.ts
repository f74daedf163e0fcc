/**
 * The workbook library, loaded from exceljs's prebuilt bundle without
 * polyfills: it loads in about 0.3 s where the package's Node entry, which
 * requires several hundred modules, takes about 1.3 s on this machine. The
 * bundle has everything gongkai uses (build a workbook, write it to a buffer,
 * load one from a buffer); files are read and written by gongkai itself.
 */
import ExcelJS from 'exceljs/dist/exceljs.bare.min.js';

export default ExcelJS;
export type { Cell, Workbook, Worksheet } from 'exceljs';
