¹
"serve*2.15.0¥

xPlaceholder

wVarHandleOp

readReadVariableOpw

yMatMulxread

saver_filenamePlaceholder
M
saveStatefulPartitionedCallsaver_filename*
fR
__inference_save_42[
Y

__inference_save_42@
SaveV2SaveV2file_prefixtensor_namesshape_and_slicesw"í