import type { Evaluator } from '../evaluate/evaluator.js';
import { problemText } from '../evaluate/problem-text.js';
import { statePath } from '../site/site-paths.js';
import { mapCaption, mapMarkup, mapMatrix } from '../site/task-map.js';
import type { BrowserWindow, DomElement, FormControl } from './dom.js';

export interface MapParts {
  window: BrowserWindow;
  evaluator: Evaluator;
  asOf: string;
  controls: DomElement;
  map: DomElement;
  caption: DomElement;
}

const selected = (controls: DomElement, name: string): string =>
  (controls.querySelector(`select[name="${name}"]`) as FormControl | null)?.value ?? '';

/** The map: redrawn from `matrix` and `mapSvg`, as the pages draw it, whenever the task or the profile changes. */
export function startMap(parts: MapParts): void {
  const { window, evaluator, asOf, controls, map, caption } = parts;
  const draw = () => {
    const drawn = mapMatrix(
      evaluator,
      {
        task: selected(controls, 'task'),
        credential: selected(controls, 'cert'),
        supervision: selected(controls, 'supervision'),
        delegator: selected(controls, 'delegator'),
      },
      asOf,
    );
    if (!drawn.ok) {
      caption.textContent = drawn.problems.map(problemText).join('; ');
      return;
    }
    // mapSvg escapes every text it writes (task names, state names, the description), so parsing
    // its output as markup cannot turn text from a rule file into elements: the one place the app
    // inserts markup, and only this generator's.
    const svg = new window.DOMParser().parseFromString(mapMarkup(drawn.matrix, statePath), 'image/svg+xml');
    if (svg.documentElement.tagName !== 'svg') throw new Error('the map did not parse as SVG');
    map.replaceChildren(window.document.importNode(svg.documentElement, true));
    map.setAttribute('data-task', drawn.matrix.rows[0]!.task);
    caption.textContent = mapCaption(drawn.matrix);
  };
  controls.addEventListener('change', draw);
  controls.addEventListener('submit', (event) => event.preventDefault());
  draw();
}
