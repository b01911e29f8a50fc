import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { formProblems } from './server-errors.ts';

const FIELDS = ['title', 'endDate', 'numbers'];

describe('formProblems', () => {
  it('puts schema problems beside their fields, nested paths under their first part', () => {
    const error = new ApiError(400, 'invalid_request', 'body.title: Too small: expected string to have >=1 characters; body.numbers.0.number: Too small');
    expect(formProblems(error, FIELDS)).toEqual({ byField: { title: 'Too small: expected string to have >=1 characters', numbers: 'Too small' }, general: [] });
  });
  it('reads domain messages that start with the field name, and keeps the rest general', () => {
    const error = new ApiError(400, 'invalid_request', 'endDate: 2020-01-01 is before startDate 2021-01-01; parties: 34.04 is not a regional government');
    expect(formProblems(error, FIELDS)).toEqual({ byField: { endDate: '2020-01-01 is before startDate 2021-01-01' }, general: ['parties: 34.04 is not a regional government'] });
  });
  it('joins two problems of one field, and leaves a message without fields whole', () => {
    expect(formProblems(new ApiError(400, 'invalid_request', 'body.title: a; body.title: b'), FIELDS).byField.title).toBe('a; b');
    expect(formProblems(new ApiError(400, 'invalid_request', 'the agreement is ended; nothing can change'), FIELDS)).toEqual({
      byField: {},
      general: ['the agreement is ended; nothing can change'],
    });
  });
  it('does not split a 403 or a 500, and ignores what is not an API error', () => {
    expect(formProblems(new ApiError(403, 'forbidden', 'title: not yours'), FIELDS)).toEqual({ byField: {}, general: ['title: not yours'] });
    expect(formProblems(new Error('x'), FIELDS)).toEqual({ byField: {}, general: [] });
  });
});
