/** Web-site furniture that follows the body of a notice copied from a web page: the body (and a task table) ends where it starts. */
export const SITE_JUNK = /(相关阅读|相关链接|友情链接|版权声明|版权所有|最新内容|热点内容|责任编辑|【打印|打印本页|关闭窗口|扫一扫|分享到|上一页|下一页|上一篇|下一篇|网站标识码|阅读次数|浏览次数|访问次数|点击数|ICP备|公网安备|(?:^|\n)\s*主办[:：])/;

/** A line that opens with site furniture (`相关链接：A | B | C`, bars and blanks before it aside): never a row of a table. */
export function opensWithSiteJunk(line: string): boolean {
  const junk = SITE_JUNK.exec(line);
  return !!junk && /^[\s|]*$/.test(line.slice(0, junk.index));
}
