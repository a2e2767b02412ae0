export { OnboardingSteps } from './OnboardingSteps'
