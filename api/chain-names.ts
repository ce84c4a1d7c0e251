import { BadRequestError } from '../domain/errors.ts';
import { type ChainName, isChainName } from '../domain/model.ts';
import type { ChainBasis } from '../store/port.ts';

/** Chains are asked for in Chinese (人才链) or by an English key (talent). */
const ENGLISH: Record<string, ChainName> = {
  innovation: '创新链',
  industry: '产业链',
  industrial: '产业链',
  capital: '资金链',
  finance: '资金链',
  talent: '人才链',
};

export function chainArg(value: string | null | undefined): ChainName | undefined {
  if (value == null || value === '') return undefined;
  if (isChainName(value)) return value;
  const chain = ENGLISH[value.toLowerCase()];
  if (!chain)
    throw new BadRequestError(
      `unknown chain "${value}"; use 创新链, 产业链, 资金链, 人才链 (or innovation, industry, capital, talent)`,
    );
  return chain;
}

export function basesArg(values: string[] | null | undefined): ChainBasis[] | undefined {
  return values && values.length > 0 ? values.map((v) => v.toLowerCase() as ChainBasis) : undefined;
}
