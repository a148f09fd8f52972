import type { JsonNode } from '../json';
import type { Reporter } from '../report';
import type { CheckOptions } from '../types';

export function checkAppeal(_root: JsonNode, _reporter: Reporter, _options: CheckOptions): void {}
