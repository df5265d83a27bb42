// The operations of Core ML's ML Program opsets (iOS15 to iOS18), as coremltools' MIL op definitions name them
// (coremltools/converters/mil/mil/ops/defs/iOS*). An ML Program op outside this list is a custom op: the runtime
// can only run it through code the application supplies.
export const MIL_OPS = new Set(
  `
  const cond while_loop select identity make_list list_length list_write list_read list_gather list_scatter
  clamped_relu elu gelu leaky_relu linear_activation prelu relu relu6 scaled_tanh sigmoid sigmoid_hard silu
  softplus softplus_parametric softmax softsign thresholded_relu classify conv conv_transpose
  add equal floor_div greater greater_equal less less_equal logical_and logical_or logical_xor maximum minimum mod
  mul not_equal pow real_div sub
  abs acos asin atan atanh ceil clip cos cosh erf exp exp2 floor inverse log logical_not round rsqrt sign sin sinh
  sqrt square tan tanh threshold cast
  upsample_nearest_neighbor resize_nearest_neighbor upsample_bilinear resize_bilinear crop_resize crop affine
  resample resize linear matmul einsum batch_norm instance_norm l2_norm layer_norm local_response_norm avg_pool
  l2_pool max_pool random_bernoulli random_categorical random_normal random_uniform gru lstm rnn
  reduce_argmax reduce_argmin reduce_l1_norm reduce_l2_norm reduce_log_sum reduce_log_sum_exp reduce_max
  reduce_mean reduce_min reduce_prod reduce_sum reduce_sum_square
  gather scatter gather_along_axis scatter_along_axis gather_nd scatter_nd
  band_part cumsum fill fill_like non_maximum_suppression non_zero one_hot pad range_1d tile argsort topk
  flatten2d shape concat split stack
  depth_to_space expand_dims reshape reshape_like reverse reverse_sequence slice_by_index slice_by_size
  space_to_depth squeeze transpose pixel_shuffle pixel_unshuffle sliding_windows space_to_batch batch_to_space
  constexpr_affine_dequantize constexpr_cast constexpr_lut_to_dense constexpr_sparse_to_dense
  constexpr_blockwise_shift_scale constexpr_lut_to_sparse constexpr_sparse_blockwise_shift_scale
  dequantize quantize read_state write_state coreml_update_state scaled_dot_product_attention slice_update
`
    .trim()
    .split(/\s+/),
);
