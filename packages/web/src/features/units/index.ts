export { UnitPicker, type UnitPickerProps } from './UnitPicker';
export { unitWithPathLabel } from './unitText';
