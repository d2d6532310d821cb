// The day and money inputs are shared by every feature's forms: they live in app/ui.
export { DayInput, MoneyInput, parseDay } from '../../app/ui/inputs';
