/**
 * Words of the collision sketch screen (`sketch.*`), merged into the scene
 * bundle. The road names and the sentences describing the sketch come from
 * `src/documents/sketch-words.ts`, so the screen and the printed
 * determination say the same.
 */
export const sketchZh = {
  sketch: {
    step: '现场草图',
    stepDrawn: '已绘制',
    next: '现场草图',
    title: '现场草图',
    caseNumber: '案件 {{number}}',
    backToCase: '返回案件',
    intro:
      '选择道路，放置车辆并调整方向，标出行驶箭头和碰撞点。每一步都会保存在手机上，可离线使用。',
    drawing: '草图：上为北。拖动车辆可移动；选中车辆后用方向键移动。',
    road: '道路',
    lanes: '每向车道数',
    place: '放置本案车辆（{{labels}}）',
    vehicle: '车辆 {{label}}',
    vehicleButton: '车辆 {{label}}：{{where}}',
    selected: '已选中车辆 {{label}}',
    choose: '选择车辆',
    rotateLeft: '{{label}} 向左转 15°',
    rotateRight: '{{label}} 向右转 15°',
    heading: '{{label}} 车头方向（度，上为北）',
    addArrow: '为 {{label}} 添加行驶箭头',
    removeArrow: '删除 {{label}} 的行驶箭头',
    arrowOf: '{{label}} 行驶箭头',
    impactMode: '点按草图标注碰撞点',
    impactAtFront: '碰撞点设在 {{label}} 车头',
    clearImpact: '清除碰撞点',
    impactHint: '请在草图上点按碰撞位置。',
    summary: '草图文字说明',
    noVehicles: '本案还没有车辆，请先登记车辆。',
    refused: {
      'not-editable': '案件已离开现场处理阶段，草图不能修改。',
      sealed: '当事人已签字，草图不能修改；如需更正请先更正认定。',
      'not-found': '找不到该车辆，可能已被删除。',
      'duplicate-id': '该箭头已存在。',
    },
  },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const sketchEn: Shape<typeof sketchZh> = {
  sketch: {
    step: 'Collision sketch',
    stepDrawn: 'Drawn',
    next: 'Collision sketch',
    title: 'Collision sketch',
    caseNumber: 'Case {{number}}',
    backToCase: 'Back to the case',
    intro:
      'Choose the road, place the vehicles and turn them, add arrows of travel and the point of impact. Every step is saved on the phone and works offline.',
    drawing:
      'Sketch, north up. Drag a vehicle to move it; select one and move it with the arrow keys.',
    road: 'Road',
    lanes: 'Lanes each way',
    place: 'Place the case’s vehicles ({{labels}})',
    vehicle: 'Vehicle {{label}}',
    vehicleButton: 'Vehicle {{label}}: {{where}}',
    selected: 'Vehicle {{label}} selected',
    choose: 'Choose a vehicle',
    rotateLeft: 'Turn {{label}} left 15°',
    rotateRight: 'Turn {{label}} right 15°',
    heading: 'Heading of {{label}} (degrees, north up)',
    addArrow: 'Add an arrow of travel for {{label}}',
    removeArrow: 'Remove the arrow of travel of {{label}}',
    arrowOf: 'Arrow of travel of {{label}}',
    impactMode: 'Tap the sketch to mark the point of impact',
    impactAtFront: 'Point of impact at the front of {{label}}',
    clearImpact: 'Clear the point of impact',
    impactHint: 'Tap where the vehicles collided.',
    summary: 'The sketch in words',
    noVehicles: 'This case has no vehicles yet: record them first.',
    refused: {
      'not-editable': 'The case has left the scene: the sketch can no longer be changed.',
      sealed:
        'A party has signed: the sketch can no longer be changed; correct the determination first.',
      'not-found': 'That vehicle is not on the case any more.',
      'duplicate-id': 'That arrow is already there.',
    },
  },
};
