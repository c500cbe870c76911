// The step library: what a visitor, the agent, the network and the browser do in a journey. Each step
// acts only through the page as a person would (mouse, keyboard, tabs, reloads, the network switch)
// or through the other side as it really happens (the agent's Participant Service calls, the
// emulator's fault switches). Journeys are lists of steps; the random mode draws them.
export * from './step';
export * from './visitor';
export * from './browser';
export * from './network';
export * from './service';
