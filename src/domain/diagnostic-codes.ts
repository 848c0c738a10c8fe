/** What a code means and how to fix it: the shape of every code table. */
export type CodeDoc = { severity: 'error' | 'warning'; summary: string; fix: string };

/**
 * Every diagnostic code, with what it means and how to fix it: the one table the README, SARIF
 * rule metadata and the docs test read. Codes are stable; messages may improve.
 */
export const DIAGNOSTIC_CODES = {
  'yaml-syntax': {
    severity: 'error',
    summary: 'The file is not valid YAML.',
    fix: 'Fix the syntax at the position shown.',
  },
  'duplicate-key': { severity: 'error', summary: 'A key appears twice in one mapping.', fix: 'Keep one of the keys.' },
  'tab-indent': { severity: 'error', summary: 'A tab is used for indentation.', fix: 'Indent with spaces.' },
  'custom-tag': {
    severity: 'error',
    summary: 'A YAML tag such as !!js/function; rule files are plain data.',
    fix: 'Remove the tag.',
  },
  'multiple-documents': {
    severity: 'error',
    summary: 'The file holds more than one YAML document.',
    fix: 'Keep one document per file.',
  },
  'alias-limit': {
    severity: 'error',
    summary: 'Aliases expand beyond the allowed number of nodes.',
    fix: 'Write the data out instead of nesting aliases.',
  },
  'nesting-limit': {
    severity: 'error',
    summary: 'Lists and maps are nested deeper than 100 levels.',
    fix: 'Flatten the data; rule files need a few levels.',
  },
  'empty-file': {
    severity: 'error',
    summary: 'The file is empty.',
    fix: 'Add the fields its kind needs, or delete the file.',
  },
  'not-utf8': { severity: 'error', summary: 'The file is not valid UTF-8.', fix: 'Save it as UTF-8.' },
  'binary-file': {
    severity: 'error',
    summary: 'The file is binary, not YAML text.',
    fix: 'Replace it with a YAML file.',
  },
  'missing-file': {
    severity: 'error',
    summary: 'A file the rule set needs is missing or unreadable.',
    fix: 'Add the file.',
  },
  'missing-folder': {
    severity: 'error',
    summary: 'A folder the rule set needs (tasks/, states/) is missing, or a rules or cases folder cannot be read.',
    fix: 'Add the folder, or make it readable.',
  },
  'not-regular-file': {
    severity: 'error',
    summary: 'A rule or case file is a FIFO, device, socket or folder (or a link to one); only regular files are read.',
    fix: 'Replace it with a regular YAML file.',
  },
  'file-too-large': {
    severity: 'error',
    summary:
      'A rule or case file is larger than 1 MiB (or grew past that while it was read), or holds more than 300,000 YAML tokens.',
    fix: 'Split the file; rule files are far smaller.',
  },
  'yml-extension': {
    severity: 'error',
    summary: 'A rule or case file is named *.yml; only *.yaml files are read.',
    fix: 'Rename it to .yaml.',
  },
  'unknown-field': {
    severity: 'error',
    summary: 'A field the schema does not know (often a typo).',
    fix: 'Use the suggested field name, or remove it.',
  },
  'missing-field': { severity: 'error', summary: 'A required field is missing.', fix: 'Add the field.' },
  'wrong-type': {
    severity: 'error',
    summary: 'A value has the wrong type (a string where a list belongs…).',
    fix: 'Write the value in the expected type.',
  },
  'invalid-value': {
    severity: 'error',
    summary: 'A value is not allowed here (not in the list, wrong format).',
    fix: 'Use one of the allowed values.',
  },
  'requirement-shape': {
    severity: 'error',
    summary: 'A requirement entry must have exactly one key.',
    fix: 'Split it into entries, or group them with allOf/anyOf.',
  },
  'empty-selection': {
    severity: 'error',
    summary: 'A rule selects no task.',
    fix: 'Fix appliesTo/except so it selects the tasks meant.',
  },
  'guidance-prohibits': {
    severity: 'error',
    summary: 'A guidance rule states prohibited; guidance yields at most discouraged.',
    fix: 'Use discouraged, or basis law/policy with a source that supports it.',
  },
  'unless-without-verdict': {
    severity: 'error',
    summary: '`unless` without an explicit verdict.',
    fix: 'Add verdict, or move the entries to requires.',
  },
  'empty-period': { severity: 'error', summary: '`until` is not after `effective`.', fix: 'Correct the dates.' },
  'bill-cited': {
    severity: 'error',
    summary: 'A rule cites a bill; a bill never supports a rule.',
    fix: 'Cite the enacted law, and keep the bill in notes.',
  },
  'unknown-task': {
    severity: 'error',
    summary: 'A task id nothing defines.',
    fix: 'Use a task id from rules/tasks (see the suggestion).',
  },
  'unknown-tag': {
    severity: 'error',
    summary: 'A tag rules/tags.yaml does not define.',
    fix: 'Use a defined tag, or define it.',
  },
  'unknown-credential': {
    severity: 'error',
    summary: 'A credential id nothing defines.',
    fix: 'Use a defined credential id, or define it.',
  },
  'unknown-issuer': {
    severity: 'error',
    summary: 'A credential issuer no credential has.',
    fix: 'Use an issuer of rules/credentials.yaml.',
  },
  'unknown-training': {
    severity: 'error',
    summary: 'A training id nothing defines.',
    fix: 'Use a defined training id, or define it.',
  },
  'unknown-role': {
    severity: 'error',
    summary: 'A delegator role rules/roles.yaml does not define.',
    fix: 'Use a defined role.',
  },
  'unknown-setting': {
    severity: 'error',
    summary: 'A setting rules/settings.yaml does not define.',
    fix: 'Use a defined setting.',
  },
  'unknown-condition': {
    severity: 'error',
    summary: 'A condition id nothing defines.',
    fix: 'Use a defined condition, or define it.',
  },
  'unknown-citation': {
    severity: 'error',
    summary: 'A citation id nothing defines.',
    fix: 'Use a defined citation, or add it to citations.yaml.',
  },
  'unknown-rule': {
    severity: 'error',
    summary: '`supersedes`, or a case’s `determinedBy`, names a rule that does not exist.',
    fix: 'Name an existing rule id.',
  },
  'duplicate-id': { severity: 'error', summary: 'An id is defined twice.', fix: 'Rename or remove one definition.' },
  'duplicate-alias': {
    severity: 'error',
    summary: 'An alias already names another task.',
    fix: 'Choose another alias.',
  },
  'reserved-name': {
    severity: 'error',
    summary: 'A task id or alias equals a command name.',
    fix: 'Choose another name.',
  },
  'file-name-mismatch': {
    severity: 'error',
    summary: 'The file name does not match the id or state code inside.',
    fix: 'Rename the file or fix the id.',
  },
  'invalid-state-code': {
    severity: 'error',
    summary: 'Not a US state or DC postal code.',
    fix: 'Use a two-letter code such as WA.',
  },
  'rule-id-prefix': {
    severity: 'error',
    summary: 'A rule id does not start with its file’s task, state or overlay.',
    fix: 'Prefix the id accordingly.',
  },
  'overlay-id-prefix': {
    severity: 'error',
    summary: 'An overlay definition id does not start with the overlay name.',
    fix: 'Prefix the id with the overlay name.',
  },
  'missing-baseline': {
    severity: 'error',
    summary: 'A task has no `<task>/baseline` rule.',
    fix: 'Add the baseline rule.',
  },
  'supersedes-across-basis': {
    severity: 'error',
    summary: 'A rule supersedes one of another basis.',
    fix: 'Supersede only rules of the same basis.',
  },
  'supersedes-more-specific': {
    severity: 'error',
    summary: 'A rule supersedes one in a more specific layer or another state.',
    fix: 'Supersede only rules of its own or a more general layer.',
  },
  'supersedes-cycle': { severity: 'error', summary: 'Rules supersede each other in a cycle.', fix: 'Break the cycle.' },
  'derived-cycle': {
    severity: 'error',
    summary: 'A derived credential is defined through itself.',
    fix: 'Define it from other facts.',
  },
  'delegation-shape': {
    severity: 'error',
    summary: 'A `delegation:` block mixes a provision with a finding that none exists, or names no delegators.',
    fix: 'Either give delegators (or `exclusive: false`) and requirements, or `none: true` with the sources searched.',
  },
  'delegation-restated': {
    severity: 'error',
    summary: 'A hand-written `XX/general-delegation` rule beside the `delegation:` block it is built from.',
    fix: 'Remove the hand-written rule; move what it adds into the block.',
  },
  'unknown-supervision-term': {
    severity: 'error',
    summary: 'A requirement names a supervision term its state does not define.',
    fix: 'Add the term to the state’s `definitions:` with its source, or use the suggested id.',
  },
  'supervision-term-level': {
    severity: 'error',
    summary: 'A requirement’s level differs from the level its supervision term is defined as.',
    fix: 'Use the defined level.',
  },
  'parent-cycle': {
    severity: 'error',
    summary: 'A role or setting is its own ancestor.',
    fix: 'Fix the parent chain.',
  },
  'citation-without-url': {
    severity: 'warning',
    summary: 'A citation has neither a web address nor a locator.',
    fix: 'Add the url (or, where none was seen, a locator).',
  },
  'unused-citation': { severity: 'warning', summary: 'A citation nothing cites.', fix: 'Cite it, or remove it.' },
  'stale-review': {
    severity: 'warning',
    summary: 'A review date is older than --max-age months.',
    fix: 'Review the source again and update the date.',
  },
  'shadowed-rule': {
    severity: 'warning',
    summary: 'A rule can never change a decision: another rule always prohibits every task it selects.',
    fix: 'Remove the rule or narrow the prohibition.',
  },
  'missing-jurisdiction': {
    severity: 'warning',
    summary: 'Jurisdictions without a state file.',
    fix: 'Add rules/states/XX.yaml (coverage none is honest).',
  },
  'law-without-primary-source': {
    severity: 'warning',
    summary: 'A law rule cites only secondary sources.',
    fix: 'Cite the statute, regulation or board rule, or lower the basis.',
  },
  'restates-delegation': {
    severity: 'warning',
    summary: 'A state rule repeats the delegation provision (same delegators, every category it covers).',
    fix: 'Move what the rule adds into the `delegation:` block and remove the rule.',
  },
  'law-rule-commentary-only': {
    severity: 'warning',
    summary: 'A law rule rests on commentary alone (no official text or copy of it).',
    fix: 'Cite the official text (or a faithful copy); otherwise make the fact a low-confidence note.',
  },
  'stale-snapshot': {
    severity: 'warning',
    summary: 'The build snapshot no longer matches the rule files.',
    fix: 'Run npm run build.',
  },
  'case-failed': {
    severity: 'error',
    summary: 'A case expects a different decision than the rules give.',
    fix: 'Fix the rule or, if the source says otherwise, the case.',
  },
  'coverage-below-minimum': {
    severity: 'error',
    summary: 'Cases exercise fewer rules than --min-coverage asks.',
    fix: 'Add cases for the rules listed as not exercised.',
  },
} as const satisfies Record<string, CodeDoc>;

export type RuleDiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export const isRuleDiagnosticCode = (code: unknown): code is RuleDiagnosticCode =>
  typeof code === 'string' && Object.hasOwn(DIAGNOSTIC_CODES, code);
