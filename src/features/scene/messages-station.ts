/** Words of a rural station's last step on the case screen (merged into the scene bundle). */
export const stationStepsZh = {
  stationSteps: {
    handover: '5 移交民警',
    next: '下一步：移交民警',
    handedOver: '已移交，等待民警认定',
  },
} as const;

export const stationStepsEn: {
  stationSteps: Record<keyof typeof stationStepsZh.stationSteps, string>;
} = {
  stationSteps: {
    handover: '5 Hand over to an officer',
    next: 'Next: hand over to an officer',
    handedOver: 'Handed over; waiting for an officer',
  },
};
