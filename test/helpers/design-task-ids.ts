/** The task ids DESIGN §10 fixes as a contract. */
export const DESIGN_TASK_IDS = [
  'scheduling', 'patient-check-in', 'phone-handling', 'patient-records', 'filing', 'patient-forms', 'insurance-information',
  'insurance-claims', 'billing-coding', 'correspondence', 'referral-processing', 'lab-results-entry', 'supply-management',
  'payroll-reporting', 'rooming', 'vital-signs', 'medical-history', 'triage', 'procedure-explanation', 'patient-education',
  'exam-assistance', 'procedure-assistance', 'specimen-collection', 'venipuncture', 'point-of-care-testing', 'ekg',
  'oral-medication', 'topical-medication', 'inhaled-medication', 'im-injection', 'subcutaneous-injection',
  'intradermal-injection', 'vaccine-administration', 'iv-insertion', 'iv-medication-administration', 'suture-removal',
  'dressing-change', 'cast-splint-application', 'xray-operation', 'xray-interpretation', 'exam-room-turnover',
  'instrument-sterilization', 'medical-waste-disposal', 'restroom-restocking', 'hazard-reporting', 'vision-screening',
  'eyewear-fitting-assistance', 'podiatry-assistance',
] as const;
