import { HttpErrorResponse } from '@angular/common/http';
import { toApiProblem } from './api-error';

describe('toApiProblem', () => {
  it('reads the API’s error body, its English message led by the meaning of its code in Chinese', () => {
    // given
    const failure = new HttpErrorResponse({ status: 409, statusText: 'Conflict', error: { error: 'conflict', message: 'Task t-1 is not open', details: [{ field: 'taskId', message: 'closed' }] } });

    // when
    const problem = toApiProblem(failure);

    // then
    expect(problem).toEqual({ status: 409, error: 'conflict', message: '状态冲突 Task t-1 is not open', details: [{ field: 'taskId', message: 'closed' }] });
  });

  it('keeps the message of a code it does not know as it is', () => {
    const failure = new HttpErrorResponse({ status: 418, error: { error: 'teapot', message: 'short and stout' } });
    expect(toApiProblem(failure).message).toBe('short and stout');
  });

  it('says a failure without a body in Chinese with English beside it', () => {
    // given
    const failure = new HttpErrorResponse({ status: 502, statusText: 'Bad Gateway', error: null });

    // when
    const problem = toApiProblem(failure);

    // then
    expect(problem.message).toBe('请求失败 Request failed: 502 Bad Gateway');
  });

  it('says an unreachable server in Chinese with English beside it', () => {
    expect(toApiProblem(new HttpErrorResponse({ status: 0, statusText: 'Unknown Error' })).message).toBe('无法连接服务器 Server unreachable');
  });
});
