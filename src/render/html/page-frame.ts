import { esc } from './escape.js';
import { REPORT_CSS } from './report-style.js';

/**
 * The frame every HTML page of gongkai shares (the leaders' report, the 调度通报,
 * table docs such as the 回头看): one self-contained file, the report style
 * sheet inline, a security policy that allows no script and no outside file.
 * `body` is already escaped HTML.
 */
export function htmlPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="gongkai">
<title>${esc(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
