import type { Benchmark } from '../report';
import * as append from './append';
import * as appendConcurrent from './append-concurrent';
import * as httpCommands from './http-commands';
import * as httpReads from './http-reads';
import * as readYourWrites from './read-your-writes';
import * as rebuild from './rebuild';
import * as timeTravel from './time-travel';

/** Every benchmark, in the order `npm run bench` runs and prints them. */
export const BENCHMARKS: Benchmark[] = [append, appendConcurrent, httpCommands, httpReads, rebuild, timeTravel, readYourWrites];
