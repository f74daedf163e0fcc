/**
 * One or two examples per command, shown at the end of its help. Keyed by the
 * command's path under gongkai ('hook install'); a test asserts every command
 * has one, so a new command comes with its example.
 */
export const HELP_EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  '': ['gongkai status --dept 信息中心', 'gongkai help overdue'],
  import: ['gongkai import 通知.txt -o ledger.yaml', 'gongkai import 2022通知.docx --carry-over 2021/ledger.yaml -o 2022/ledger.yaml'],
  validate: ['gongkai validate', 'gongkai validate -q            # 只看错误'],
  export: ['gongkai export > 台账.json', 'gongkai export --format xlsx -o 任务分工表.xlsx'],
  status: ['gongkai status', 'gongkai status --dept 救助司 --as-of 2021/10/8'],
  checklist: ['gongkai checklist --dept 信息中心 -o 信息中心.md', 'gongkai checklist --all -o 清单/'],
  overdue: ['gongkai overdue', 'gongkai overdue --fail-on-overdue --format md > 逾期.md'],
  report: ['gongkai report -o 报告.html', 'gongkai report --month 2021-10 -o 十月调度通报.docx'],
  review: ['gongkai review', 'gongkai review --format xlsx -o 回头看.xlsx', 'gongkai review --format docx -o 回头看.docx'],
  compare: ['gongkai compare 2021/ledger.yaml 2022/ledger.yaml'],
  remind: ['gongkai remind --dept 信息中心', 'gongkai remind --format docx -o 催办/'],
  forms: ['gongkai forms -o 填报表/', 'gongkai forms --status -o 填报表/   # 哪些部门还没交回'],
  collect: ['gongkai collect 收回/*.xlsx', 'gongkai collect 收回/信息中心.xlsx --dept 信息中心 --commit'],
  set: ['gongkai set 12 --status 推进中', 'gongkai set 5 --due 2021年11月15日 --resolve 各有关司(局)=社会救助司'],
  done: ['gongkai done 22', 'gongkai done 22 --on 10月20日 --commit'],
  postpone: ['gongkai postpone 22 --to 2021/11/30 --reason 等待数据接口 --approved-by 王主任', 'gongkai postpone 22 --to 11月30日 --reason 并入年底检查 --commit', 'gongkai postpone 22 --rejected-by 王主任 --reason 年底前必须完成'],
  note: ['gongkai note 22 --dept 信息中心 完成数据接口联调', 'gongkai note 9 --dept 慈善司 --on 昨天 平台上线 --commit'],
  log: ['gongkai log 23', 'gongkai log --format json'],
  diff: ['gongkai diff', 'gongkai diff HEAD~5'],
  hook: ['gongkai hook install'],
  'hook install': ['gongkai hook install', 'gongkai hook install --force', 'cd /srv/git/台账.git && gongkai hook install --server'],
  sync: ['gongkai sync', 'gongkai sync --commit-message 十月调度', 'gongkai sync --withdraw-refused'],
  'check-commits': ['gongkai check-commits origin/main..HEAD', 'gongkai check-commits HEAD~20..HEAD --format json'],
  'merge-driver': ['gongkai merge-driver %O %A %B %P %L   # 由 git 调用；hook install 代为配置'],
  schema: ['gongkai schema ledger > ledger.schema.json'],
  completion: ['source <(gongkai completion bash)', 'gongkai completion zsh > ~/.zfunc/_gongkai'],
  help: ['gongkai help status'],
};
