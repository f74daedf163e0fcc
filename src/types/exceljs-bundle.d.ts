// exceljs's prebuilt bundle has the same API as the package (whose types it ships).
declare module 'exceljs/dist/exceljs.bare.min.js' {
  import * as ExcelJS from 'exceljs';
  export default ExcelJS;
}
