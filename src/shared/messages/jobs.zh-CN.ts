import type { JobPhase, JobsReason } from '../contract/jobs';
import type { ActionOf } from './types';

// The texts of the jobs domain's codes in Chinese: used by the renderer and the command line.
export const jobsZhCN = {
  reasons: {
    cancelled: '任务已取消，没有写入任何数据。',
    jobIdInUse: '任务编号冲突，请重试。',
  } satisfies Record<JobsReason, string>,
  actions: {
    'jobs.progress': '查询任务进度',
    'jobs.cancel': '取消任务',
  } satisfies Record<ActionOf<'jobs'>, string>,
  phases: {
    reading: '正在读取文件',
    checking: '正在检查',
    writing: '正在写入',
    done: '已完成',
    cancelled: '已取消',
    failed: '失败',
  } satisfies Record<JobPhase, string>,
};
