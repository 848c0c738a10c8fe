// A generated roster for the audit benchmark: staff drawn from a pool of distinct profiles
// (state, credentials, trainings, supervision, delegator, setting, tasks), as a large practice's
// staff repeat a few hundred or thousand combinations. Deterministic: the same file every run.
import { closeSync, openSync, writeSync } from 'node:fs';

const STATES = [
  'AK',
  'AZ',
  'CA',
  'CO',
  'FL',
  'GA',
  'IL',
  'MA',
  'MI',
  'NC',
  'NJ',
  'NY',
  'OH',
  'OR',
  'PA',
  'SC',
  'TX',
  'VA',
  'WA',
  'WI',
];
const CREDENTIALS = ['CMA', 'RMA', 'CCMA', 'NCMA', 'CMAA', 'none', '', 'CMA;RMA'];
const TRAININGS = ['', 'bbp-training', 'bbp-training;venipuncture-training', 'none'];
const SUPERVISION = ['direct', 'general', 'personal', ''];
const DELEGATORS = ['physician', 'pa', 'np', ''];
const SETTINGS = ['physician-office', 'primary-care-office', 'urgent-care', 'hospital-outpatient', ''];
const TASKS = [
  'vital-signs',
  'rooming',
  'scheduling',
  'im-injection',
  'vaccine-administration',
  'venipuncture',
  'ekg',
  'point-of-care-testing',
  'specimen-collection',
  'patient-education',
  'iv-insertion',
  'oral-medication',
  'filing',
  'triage',
  'dressing-change',
];

/** A small deterministic generator (mulberry32), so every run audits the same roster. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes `rows` staff rows drawn from `profiles` distinct profiles; returns how many (staff, task) pairs it holds. */
export function writeRoster(path, rows, profiles) {
  const next = random(20261125);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const pool = Array.from({ length: profiles }, () => {
    const tasks = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(TASKS)))];
    const state = next() < 0.05 ? `${pick(STATES)};${pick(STATES)}` : pick(STATES);
    return {
      cells: [
        state,
        pick(CREDENTIALS),
        pick(TRAININGS),
        pick(SUPERVISION),
        pick(DELEGATORS),
        pick(SETTINGS),
        tasks.join(';'),
      ].join(','),
      tasks: tasks.length,
    };
  });
  const fd = openSync(path, 'w');
  let text = 'staff_id,name,state,credentials,trainings,supervision,delegator,setting,tasks\n';
  let pairs = 0;
  for (let i = 0; i < rows; i++) {
    const profile = pool[Math.floor(next() * pool.length)];
    pairs += profile.tasks;
    text += `S${100000 + i},"Lastname${i % 9973}, Firstname${i % 7919}",${profile.cells}\n`;
    if (text.length > 1 << 20) {
      writeSync(fd, text);
      text = '';
    }
  }
  writeSync(fd, text);
  closeSync(fd);
  return pairs;
}
