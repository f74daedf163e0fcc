import { STATUS_SPELLINGS } from '../model/status.js';
import type { ArrayShape, ObjectShape, Shape } from './shape.js';

const date = (description: string): Shape => ({ type: 'string', date: true, description });
const names = (description: string): ArrayShape => ({
  type: 'array',
  description,
  items: { type: 'string', description: '部门或群体名称（可用别名）' },
});

/** A name, or a name with the part of the work it holds its role for (`规章由政策法规司牵头`; one of several clauses in a paragraph). */
const roleEntry = (role: string): Shape => ({
  type: 'anyOf',
  options: [
    { type: 'string', description: `${role}部门名称` },
    {
      type: 'object',
      description: `限定范围的${role}，如「规章由政策法规司牵头」`,
      properties: {
        dept: { type: 'string', description: `${role}部门名称` },
        scope: { type: 'string', description: `${role}的工作范围，如「规章」` },
      },
      required: ['dept', 'scope'],
    },
  ],
});

export const departmentShape: ObjectShape = {
  type: 'object',
  description: '一个部门（司局或直属单位）',
  properties: {
    name: { type: 'string', description: '正式名称，如「办公厅(国际合作司)」' },
    aliases: names('别名：合署办公的第二名称、简称、曾用名'),
    short: { type: 'string', description: '短名：窄表格中显示、命令行中可用，如「救助司」' },
    kind: { type: 'string', enum: ['internal', 'affiliated', 'external'], description: 'internal 内设司局；affiliated 直属单位；external 本机关以外的单位（下级政府等）' },
    guessed: { type: 'boolean', description: '类别是导入时按名称推测的；核实后删除此行' },
    committers: names('本部门联络员提交 git 时用的邮箱或姓名；gongkai check-commits 据此核对每个提交只改本部门的任务'),
    signing_keys: names('本部门联络员签名提交用的 ssh 公钥（ssh-ed25519 AAAA…）；共享仓库要求签名时（hook install --server --require-signed），只认这些公钥签名的提交'),
    coordinator: { type: 'boolean', description: '统筹部门（办公厅）：其提交可以修改台账的任何内容' },
    contact: { type: 'string', description: '联系人：写在本部门发出的催办、报告（Word）末尾，如「张三」' },
    phone: { type: 'string', description: '联系电话，与联系人一起写在文末，如「010-58123456」' },
  },
  required: ['name', 'kind'],
};

export const groupShape: ObjectShape = {
  type: 'object',
  description: '群体称谓，如「各司(局)」「各有关司(局)」',
  properties: {
    name: { type: 'string', description: '群体名称' },
    aliases: names('别名'),
    members: { type: 'string', enum: ['all', 'some'], description: 'all 全部（各司(局)）；some 未指明的部分（各有关司(局)）' },
    kind: { type: 'string', enum: ['internal', 'affiliated', 'external'], description: '成员类别' },
  },
  required: ['name', 'members', 'kind'],
};

/** The department registry: its own file, or inline in the ledger. */
export const registryShape: ObjectShape = {
  type: 'object',
  description: '部门名录：按正式顺序排列的部门与群体称谓',
  properties: {
    organisation: { type: 'string', description: '机关名称，如「民政部」' },
    departments: { type: 'array', items: departmentShape, description: '部门，按正式顺序' },
    groups: { type: 'array', items: groupShape, description: '群体称谓' },
  },
  required: ['departments'],
};

export const progressShape: ObjectShape = {
  type: 'object',
  description: '一条进展记录',
  properties: {
    date: date('日期 YYYY-MM-DD'),
    dept: { type: 'string', description: '报送部门' },
    note: { type: 'string', description: '进展情况' },
  },
  required: ['date', 'dept', 'note'],
};

export const postponementShape: ObjectShape = {
  type: 'object',
  description: '一次延期：经批准把时限从 from 改到 to',
  properties: {
    on: date('批准（记录）延期的日期 YYYY-MM-DD'),
    from: date('延期前的时限 YYYY-MM-DD；第一条的 from 即原定时限'),
    to: date('延期后的时限 YYYY-MM-DD；最后一条的 to 须等于 due'),
    reason: { type: 'string', description: '延期理由' },
    approved_by: { type: 'string', description: '批准人' },
  },
  required: ['on', 'from', 'to', 'reason'],
};

export const postponementRequestShape: ObjectShape = {
  type: 'object',
  description: '一次延期申请：部门在填报表格中提出，待办公厅批准（gongkai postpone 编号 --approved-by 批准人）',
  properties: {
    on: date('收到申请的日期 YYYY-MM-DD'),
    dept: { type: 'string', description: '提出申请的部门' },
    to: date('申请延至 YYYY-MM-DD'),
    reason: { type: 'string', description: '申请理由' },
  },
  required: ['on', 'dept', 'to', 'reason'],
};

export const postponementRejectionShape: ObjectShape = {
  type: 'object',
  description: '驳回一次延期申请：办公厅不同意延期（gongkai postpone 编号 --rejected-by 驳回人 --reason 理由），时限不变',
  properties: {
    on: date('驳回的日期 YYYY-MM-DD'),
    reason: { type: 'string', description: '驳回理由' },
    rejected_by: { type: 'string', description: '驳回人' },
  },
  required: ['on', 'reason'],
};

export const cancellationShape: ObjectShape = {
  type: 'object',
  description: '取消的记录：状态为已取消时写明理由',
  properties: {
    on: date('取消日期 YYYY-MM-DD'),
    reason: { type: 'string', description: '取消理由' },
    approved_by: { type: 'string', description: '批准人' },
  },
  required: ['on', 'reason'],
};

export const milestoneShape: ObjectShape = {
  type: 'object',
  description: '任务的一个步骤，有自己的时限',
  properties: {
    due: date('本步骤的时限 YYYY-MM-DD'),
    text: { type: 'string', description: '本步骤做什么，如「公开部门预算」' },
    done_on: date('本步骤完成日期 YYYY-MM-DD'),
  },
  required: ['due', 'text'],
};

/** `due: {after: 2021-09-28, working_days: 10}`: N Chinese working days after an event. */
export const relativeDueShape: ObjectShape = {
  type: 'object',
  description: '相对时限：某事件之后若干个工作日内（按中国法定节假日与调休计算）',
  properties: {
    after: date('事件发生（如送达）的日期 YYYY-MM-DD，当天不计'),
    working_days: { type: 'integer', minimum: 1, maximum: 366, description: '工作日数，如「10个工作日内」写 10' },
  },
  required: ['after', 'working_days'],
};

/** `carried_over`: the item continues an unfinished item of an earlier plan (上年结转). */
export const carriedOverShape: ObjectShape = {
  type: 'object',
  description: '上年结转：本项接续的上一年度台账中未完成的任务，及其在那份台账中的去处',
  properties: {
    ledger: { type: 'string', description: '上一年度台账文件（相对于本台账），如 ../2021/ledger.yaml' },
    item: { type: 'string', numberLike: true, description: '那份台账中的编号，加引号' },
    plan: { type: 'string', description: '上一年度计划的标题' },
    document_number: { type: 'string', description: '上一年度计划的文号' },
    commit: { type: 'string', description: '结转时那份台账所在的 git 提交：历史见 gongkai log 编号 --ledger 文件' },
    status: { type: 'string', enum: STATUS_SPELLINGS, description: '结转时的状态' },
    due: date('结转时的时限 YYYY-MM-DD'),
    postponed: { type: 'integer', minimum: 0, maximum: 1000, description: '结转前延期的次数' },
  },
  required: ['ledger', 'item'],
};

/** An item's fields, in the order gongkai writes them (import, and edits that add a key). */
export const itemShape: ObjectShape = {
  type: 'object',
  description: '一项工作任务',
  properties: {
    number: { type: 'string', numberLike: true, description: '通知中的编号，加引号，如 "1"' },
    text: { type: 'string', description: '任务内容' },
    clause: { type: 'string', description: '责任分工原文，如「政策法规司牵头,信息中心配合」' },
    lead: { type: 'array', items: roleEntry('牵头'), description: '牵头部门' },
    joint: { type: 'array', items: roleEntry('按职责分工负责'), description: '按职责分工负责的部门' },
    sole: { type: 'array', items: roleEntry('负责'), description: '负责部门（单独负责）' },
    cooperate: { type: 'array', items: roleEntry('配合'), description: '配合部门' },
    resolve: {
      type: 'object',
      description: '本项中群体称谓具体指哪些部门，如 各有关司(局): [社会救助司]',
      properties: {},
      values: names('群体在本项中指的部门'),
    },
    status: { type: 'string', enum: STATUS_SPELLINGS, description: '状态：未启动、推进中、已完成、持续推进、已取消' },
    due: {
      type: 'anyOf',
      description: '完成时限；缺省为计划的默认时限',
      options: [date('完成时限 YYYY-MM-DD'), relativeDueShape],
    },
    due_text: { type: 'string', description: '通知中完成时限的原文，如「2018年底前完成并持续落实」；validate 核对它与 due 一致' },
    done_on: date('完成日期 YYYY-MM-DD'),
    review: { type: 'array', items: { type: 'string', description: '一个原因' }, description: 'import 读不准的原因（分工、名称、时限）；核实并改正后删除' },
    milestones: { type: 'array', items: milestoneShape, description: '分步骤的时限（如 2 月公开预算、8 月公开决算）；任务状态跟随下一个未完成的步骤' },
    postponements: { type: 'array', items: postponementShape, description: '延期记录，按时间顺序；由 gongkai postpone 追加' },
    postponement_requests: { type: 'array', items: postponementRequestShape, description: '延期申请，按收到的顺序；由 gongkai collect 从填报表格追加，批准后由 postpone 记入 postponements' },
    postponement_rejections: { type: 'array', items: postponementRejectionShape, description: '驳回的延期申请，按时间顺序；由 gongkai postpone --rejected-by 追加，每条答复当时待批准的申请' },
    cancelled: cancellationShape,
    progress: { type: 'array', items: progressShape, description: '进展记录' },
    carried_over: carriedOverShape,
  },
  required: ['number', 'text', 'clause', 'status'],
};

export const sectionShape: ObjectShape = {
  type: 'object',
  description: '一个部分，如「一、推进重点信息公开」',
  properties: {
    number: { type: 'string', description: '中文序号：一、二、……' },
    title: { type: 'string', description: '标题' },
    items: { type: 'array', items: itemShape, description: '本部分的任务' },
  },
  required: ['number', 'title', 'items'],
};

export const planShape: ObjectShape = {
  type: 'object',
  description: '台账所依据的通知',
  properties: {
    title: { type: 'string', description: '文件标题' },
    issuer: { type: 'string', description: '发文机关' },
    document_number: { type: 'string', description: '文号，如「民办便函〔2021〕648号」' },
    issued_on: date('发文日期 YYYY-MM-DD'),
    year: { type: 'integer', minimum: 2000, maximum: 2100, description: '计划年度' },
    default_due: date('未写明时限的任务的完成时限 YYYY-MM-DD，通常为年底'),
    closed_on: date('年度台账关闭的日期 YYYY-MM-DD（回头看之后）：此后各视图按这一天统计，不再记录新的日期'),
    preamble: { type: 'string', description: '通知正文前的导语' },
  },
  required: ['title', 'year', 'default_due'],
};

/** The ledger file (台账). */
export const ledgerShape: ObjectShape = {
  type: 'object',
  description: 'gongkai 台账：政务公开工作要点及任务分工',
  properties: {
    plan: planShape,
    departments: {
      type: 'anyOf',
      description: '部门名录：相对于台账文件的路径，或直接写在台账中',
      options: [{ type: 'string', description: '名录文件路径，如 departments.yaml' }, registryShape],
    },
    sections: { type: 'array', items: sectionShape, description: '各部分及其任务' },
  },
  required: ['plan', 'departments', 'sections'],
};
