/**
 * The paper's update rules for real networks, in plain Java on
 * {@link org.htsgd.train.model.DifferentiableModel} (no DJL import): LB, SB, SB+Clip, SB+Noise, Our 1, Our 2
 * (S1 §4, eq. 47; paper.md §4.1) and SAM.
 *
 * <p>Use: {@code UpdateRule rule = UpdateRules.create(Method.fromCliName("our2"),
 * Task.FMNIST_LENET.hyperparameters(method).scaledTo(2000)); rule.init(model, rng);
 * for (t...) StepRecord r = rule.step(t);}
 *
 * <p>Choices where the paper is silent (all documented on the types):
 * <ul>
 *   <li>Z = cW, one scalar per iteration, W Lomax by default ({@link org.htsgd.train.method.ParetoVariant});
 *       drawn after the batches of the same iteration.</li>
 *   <li>Truncation bounds the step: \(\|\eta g\| \le b\) (global L2 norm over all weights), as
 *       {@code clip_grad_norm_(params, b/eta)}; it still applies in the noise-off phase (paper.md §6 item 5).</li>
 *   <li>Noise-off phase: LB steps (Table 2) or SB steps (Table 3 / App. A.4), {@link
 *       org.htsgd.train.method.NoiseOffPhase}.</li>
 *   <li>LB batch: 1,200 (= the whole corrupted Fashion-MNIST subset, S7's full-batch GD) for fmnist-lenet, 1,024
 *       elsewhere (paper.md §6 item 1).</li>
 *   <li>Momentum and weight decay in PyTorch's {@code SGD} convention after truncation; 0 for Table 1 tasks.</li>
 *   <li>SB+Noise weight clip = projection on the L-infinity ball of radius 1 (coordinate-wise clamp) after every
 *       step, with the App. A.3 schedule (η 0.005, longer runs).</li>
 *   <li>SAM ignores b (plain SAM-SGD of Foret et al. 2021), ρ = 0.05.</li>
 *   <li>Step-decay schedule: first halving at m ("constant for the first 200 epochs, then halved every 30").</li>
 * </ul>
 */
package org.htsgd.train.method;
